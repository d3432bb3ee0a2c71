package com.sparkify.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.SettingsResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --schema} beats {@code $SPARKIFY_SCHEMA}, which beats {@code [WAREHOUSE] SCHEMA}. */
class SchemaOptionTest {
    @TempDir
    Path dir;

    private Optional<String> schema(Optional<String> flag, Map<String, String> environment) {
        return new SettingsResolver(environment, dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of("jdbc:postgresql://h/db"),
                        flag,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .schema();
    }

    @Test
    void theFlagBeatsTheEnvironmentWhichBeatsTheConfig() throws IOException {
        Files.writeString(dir.resolve("dwh.cfg"), "[WAREHOUSE]\nSCHEMA = from_config\n");
        Map<String, String> environment = Map.of("SPARKIFY_SCHEMA", "from_env");

        assertThat(schema(Optional.of("from_flag"), environment)).contains("from_flag");
        assertThat(schema(Optional.empty(), environment)).contains("from_env");
        assertThat(schema(Optional.empty(), Map.of())).contains("from_config");
    }

    @Test
    void noSchemaAnywhereIsEmpty() {
        assertThat(schema(Optional.empty(), Map.of())).isEmpty();
    }

    @Test
    void aNameThatWouldNeedCareIsRefusedNamingWhereItCameFrom() {
        assertThatThrownBy(() -> schema(Optional.empty(), Map.of("SPARKIFY_SCHEMA", "my-schema")))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected a schema name for $SPARKIFY_SCHEMA (a letter or _, then letters, digits or _,"
                        + " at most 63), found 'my-schema'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
        assertThatThrownBy(() -> schema(Optional.of("1st"), Map.of())).hasMessageContaining("--schema");
        assertThatThrownBy(() -> schema(Optional.of("x".repeat(64)), Map.of())).hasMessageContaining("--schema");
    }
}
