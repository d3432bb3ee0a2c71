package com.sparkify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Python examples under docs/examples/ (docs/deploy.md) parse as Python. Airflow cannot be installed
 * here, so this is what can be checked. Skipped with a message where python3 is absent, except in CI
 * ({@code CI=true}), where its absence fails the test.
 */
class DeployExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final String PARSE = "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])";

    @Test
    void everyPythonExampleParses() throws Exception {
        String python = python3();
        List<Path> examples;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            examples = files.filter(file -> file.toString().endsWith(".py"))
                    .sorted()
                    .toList();
        }
        assertThat(examples).as("Python examples in %s", EXAMPLES).isNotEmpty();
        for (Path example : examples) {
            assertThat(parse(python, example))
                    .as("python3 ast.parse of %s", example)
                    .isEmpty();
        }
    }

    @Test
    void aFileThatIsNotPythonFailsTheCheck() throws Exception {
        String python = python3();
        Path broken = Files.createTempFile("broken", ".py");
        try {
            Files.writeString(broken, "with DAG(dag_id=\"x\") as dag\n    pass\n");
            assertThat(parse(python, broken)).contains("SyntaxError");
        } finally {
            Files.delete(broken);
        }
    }

    /** python3's error output, empty when the file parses. */
    private static String parse(String python, Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python, "-c", PARSE, file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + output;
    }

    private static String python3() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "python3"))) {
                return Path.of(folder, "python3").toString();
            }
        }
        String message = "python3 absent from the PATH: cannot check that docs/examples parse as Python";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
        return null;
    }
}
