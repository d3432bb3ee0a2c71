package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engines register through {@code META-INF/services}, and are asked in the order that file lists them. */
class WarehousesTest {
    private static final String REGISTRATION = "/META-INF/services/" + WarehouseFactory.class.getName();

    @Test
    void theThreeEnginesAreFoundWithRedshiftBeforePostgres() {
        assertThat(Warehouses.factories())
                .extracting(factory -> factory.getClass().getSimpleName())
                .containsExactly("DuckDbWarehouseFactory", "RedshiftWarehouseFactory", "PostgresWarehouseFactory");
    }

    @Test
    void theOrderIsTheRegistrationFilesOrder() throws IOException {
        assertThat(Warehouses.factories())
                .extracting(factory -> factory.getClass().getName())
                .containsExactlyElementsOf(registeredClassNames());
    }

    @Test
    void aSparkUrlWithoutTheSparkEngineSaysInOneLineHowToGetIt() {
        assertThat(Warehouses.noEngineFor("spark:/data/lake"))
                .contains("./sparkify-on-spark", "docs/spark.md")
                .doesNotContain("\n");
        assertThat(Warehouses.noEngineFor("jdbc:mysql://db/x?password=hunter2"))
                .contains("spark:", "jdbc:duckdb:", "check --warehouse")
                .doesNotContain("hunter2");
    }

    private static List<String> registeredClassNames() throws IOException {
        try (InputStream in = Warehouses.class.getResourceAsStream(REGISTRATION)) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
