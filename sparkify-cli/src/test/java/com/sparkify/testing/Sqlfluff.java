package com.sparkify.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * sqlfluff ({@code /usr/bin/sqlfluff}, or $SQLFLUFF), to parse SQL with a real grammar of a dialect. Tests
 * that need it are skipped with a message where it is absent, except in CI ({@code CI=true}), where .ci/run
 * installs it: there its absence fails the test.
 */
public final class Sqlfluff {
    /**
     * The raw templater, so that nothing in the SQL is read as a template; no size limit, because sqlfluff
     * skips a larger file with a warning and still exits 0.
     */
    private static final String CONFIG = "[sqlfluff]\ntemplater = raw\nlarge_file_skip_byte_limit = 0\n";

    private final Path executable;

    private Sqlfluff(Path executable) {
        this.executable = executable;
    }

    public static Sqlfluff require() {
        String override = System.getenv("SQLFLUFF");
        Path executable = Path.of(override != null ? override : "/usr/bin/sqlfluff");
        if (!Files.isExecutable(executable)) {
            String message = "sqlfluff absent: " + executable + " (apt-get install sqlfluff, or set SQLFLUFF)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new Sqlfluff(executable);
    }

    /** What sqlfluff made of one file: how many statements it parsed, and the text of each part it could not. */
    public record Parsed(int statements, List<String> unparsable) {}

    /**
     * Parses each file ({@code name -> SQL}) with {@code dialect}, in one run of sqlfluff in {@code folder}.
     * A file sqlfluff did not parse at all fails the test.
     */
    public Map<String, Parsed> parse(String dialect, Map<String, String> files, Path folder)
            throws IOException, InterruptedException {
        Files.writeString(folder.resolve(".sqlfluff"), CONFIG);
        // parse takes one path: a folder of the files.
        Path sql = Files.createDirectories(folder.resolve("sql"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(sql.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        List<String> command =
                List.of(executable.toString(), "parse", "--dialect", dialect, "--format", "json", "--nofail", "sql");
        Path errors = folder.resolve("sqlfluff.err");
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectError(errors.toFile())
                .start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try (var in = process.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("sqlfluff did not finish within 10 minutes");
        }
        Map<String, Parsed> parsed = new TreeMap<>();
        for (JsonNode file : new ObjectMapper().readTree(out.join())) {
            String name = Path.of(file.path("filepath").asText()).getFileName().toString();
            JsonNode tree = file.path("segments").path("file");
            if (tree.isMissingNode() || tree.isNull()) {
                fail("sqlfluff did not parse " + name + " (exit " + process.exitValue() + ")");
            }
            List<String> unparsable = new ArrayList<>();
            collectUnparsable(tree, unparsable);
            parsed.put(name, new Parsed(statements(tree), unparsable));
        }
        if (!parsed.keySet().equals(new TreeMap<>(files).keySet())) {
            fail("sqlfluff parsed " + parsed.keySet() + ", expected " + files.keySet() + " (exit " + process.exitValue()
                    + "): " + Files.readString(errors));
        }
        return parsed;
    }

    /** The top-level statements: a file of one statement is an object, a file of several a list. */
    private static int statements(JsonNode file) {
        if (file.isObject()) {
            return file.has("statement") ? 1 : 0;
        }
        int count = 0;
        for (JsonNode part : file) {
            if (part.has("statement")) {
                count++;
            }
        }
        return count;
    }

    private static void collectUnparsable(JsonNode node, List<String> found) {
        if (node.isArray()) {
            node.forEach(child -> collectUnparsable(child, found));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("unparsable")) {
                    found.add(text(field.getValue()));
                } else {
                    collectUnparsable(field.getValue(), found);
                }
            }
        }
    }

    private static String text(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        node.forEach(child -> text.append(text(child)));
        return text.toString();
    }
}
