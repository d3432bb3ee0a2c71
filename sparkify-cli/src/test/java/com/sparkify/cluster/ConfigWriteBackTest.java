package com.sparkify.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.config.IniFileEditor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code cluster create} does to the config file: its two values change, nothing else does. */
class ConfigWriteBackTest {
    @TempDir
    Path dir;

    private String edit(String before, String section, String key, String value) throws Exception {
        Path file = dir.resolve("dwh.cfg");
        Files.writeString(file, before);
        IniFileEditor.open(file).set(section, key, value).write(file);
        return Files.readString(file);
    }

    @Test
    void replacesTheValueOnlyAndKeepsCommentsCaseAndSeparator() throws Exception {
        String before = "[cluster]\n# host=old.example.com\nhost: old.example.com ; inline\nDB_PORT=5439\n";

        assertThat(edit(before, "CLUSTER", "HOST", "new.example.com"))
                .isEqualTo("[cluster]\n# host=old.example.com\nhost: new.example.com\nDB_PORT=5439\n");
    }

    @Test
    void addsAMissingKeyAtTheEndOfItsSectionInTheSectionsStyle() throws Exception {
        String before = "[IAM_ROLE]\nROLE_NAME = dwhRole\n\n[S3]\nLOG_DATA = s3://b/log_data\n";

        assertThat(edit(before, "IAM_ROLE", "ARN", "arn:aws:iam::1:role/r"))
                .isEqualTo(
                        "[IAM_ROLE]\nROLE_NAME = dwhRole\nARN = arn:aws:iam::1:role/r\n\n[S3]\nLOG_DATA = s3://b/log_data\n");
    }

    @Test
    void addsAMissingSectionAtTheEnd() throws Exception {
        assertThat(edit("[S3]\nLOG_DATA=x", "IAM_ROLE", "ARN", "a"))
                .isEqualTo("[S3]\nLOG_DATA=x\n\n[IAM_ROLE]\nARN=a\n");
    }

    @Test
    void keepsWindowsLineEndings() throws Exception {
        assertThat(edit("[CLUSTER]\r\nHOST=\r\nDB_NAME=dev\r\n", "CLUSTER", "HOST", "h"))
                .isEqualTo("[CLUSTER]\r\nHOST=h\r\nDB_NAME=dev\r\n");
    }
}
