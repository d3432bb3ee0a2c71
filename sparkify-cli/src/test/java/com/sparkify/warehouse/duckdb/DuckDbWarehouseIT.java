package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.Settings;
import com.sparkify.config.SettingsResolver;
import com.sparkify.testing.TestWarehouses;
import com.sparkify.warehouse.WarehouseContractIT;
import com.sparkify.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warehouse contract on an embedded DuckDB file. */
class DuckDbWarehouseIT extends WarehouseContractIT {
    @Override
    protected Settings newWarehouse(Path dir) {
        return new SettingsResolver(Map.of(), dir)
                .resolve(SettingsResolver.Flags.warehouse("jdbc:duckdb:" + dir.resolve("warehouse.duckdb")));
    }

    @Test
    void aSchemaIsRefusedWithAClearConfigError() {
        Settings withSchema = new SettingsResolver(Map.of(), dir)
                .resolve(new SettingsResolver.Flags(
                        Optional.of("jdbc:duckdb:" + dir.resolve("other.duckdb")),
                        Optional.of("analytics"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));

        assertThatThrownBy(() -> Warehouses.open(withSchema))
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining("Expected no schema for a DuckDB warehouse")
                .hasMessageContaining("'analytics'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }

    @Test
    void opensWithTheMemoryLimitThatKeepsItsFootprintSmall() throws Exception {
        try (var warehouse = Warehouses.open(newWarehouse(dir));
                var statement = TestWarehouses.jdbc(warehouse).createStatement();
                var row = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("366.2 MiB"); // 384MB
        }
    }
}
