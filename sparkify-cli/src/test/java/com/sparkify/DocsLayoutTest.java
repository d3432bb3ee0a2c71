package com.sparkify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The user's docs: a short README, one page per concern under docs/, no work history, no dead links. */
class DocsLayoutTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern HISTORY = Pattern.compile("(?i)session [0-9]");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void theReadmeAndThePerformancePageStayShort() throws IOException {
        assertThat(Files.size(README)).as("README.md bytes").isLessThanOrEqualTo(10 * 1024);
        assertThat(Files.size(DOCS.resolve("performance.md")))
                .as("docs/performance.md bytes")
                .isLessThanOrEqualTo(12 * 1024);
    }

    @Test
    void everyConcernHasItsPage() {
        for (String page : List.of(
                "commands.md",
                "configuration.md",
                "duckdb.md",
                "postgres.md",
                "redshift.md",
                "s3.md",
                "schema.md",
                "guarantees.md",
                "architecture.md",
                "performance.md",
                "scale.md",
                "deploy.md")) {
            assertThat(DOCS.resolve(page)).exists();
        }
        assertThat(Path.of("..", "CONTRIBUTING.md")).exists();
        assertThat(Path.of("..", "BENCHMARKS.md")).doesNotExist();
    }

    @Test
    void noPageKeepsWorkHistory() throws IOException {
        for (Path page : pages()) {
            String text = read(page);
            assertThat(HISTORY.matcher(text).find())
                    .as("%s names a work session", page)
                    .isFalse();
            assertThat(text).as(page.toString()).doesNotContain("BENCHMARKS.md");
        }
    }

    @Test
    void everyRelativeLinkReachesAFileAndItsHeading() throws IOException {
        List<String> dead = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(read(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                String[] fileAndAnchor = target.split("#", 2);
                Path file = fileAndAnchor[0].isEmpty()
                        ? page
                        : page.toAbsolutePath()
                                .getParent()
                                .resolve(fileAndAnchor[0])
                                .normalize();
                boolean reached = Files.exists(file)
                        && (fileAndAnchor.length == 1
                                || Files.isDirectory(file)
                                || anchors(file).contains(fileAndAnchor[1]));
                if (!reached) {
                    dead.add(page + " -> " + target);
                }
            }
        }
        assertThat(dead).as("links to no file or heading").isEmpty();
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        boolean inCode = false;
        for (String line : read(page).split("\n")) {
            inCode ^= line.startsWith("```");
            if (!inCode && line.matches("^#{1,6} .*")) {
                anchors.add(line.replaceFirst("^#+ ", "")
                        .strip()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        }
        return anchors;
    }

    @Test
    void theReadmesTestCommandIsTheOneCiRuns() throws IOException {
        String command = "./mvnw -B verify";
        assertThat(read(README)).contains(command);
        assertThat(read(Path.of("..", ".ci", "run"))).contains("\n" + command + "\n");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README, Path.of("..", "CONTRIBUTING.md")));
        try (Stream<Path> files = Files.walk(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String read(Path page) throws IOException {
        return Files.readString(page, StandardCharsets.UTF_8);
    }
}
