package com.sparkify.warehouse.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sparkify.ErrorCode;
import com.sparkify.SparkifyException;
import com.sparkify.config.EngineOptions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuckDbSettingsTest {
    private static EngineOptions limit(String text) {
        return new EngineOptions(Optional.of(text), Optional.empty(), Optional.empty(), Map.of(), Optional.empty());
    }

    @Test
    void theLimitIsTheConfiguredOneElseTheDefault() {
        assertThat(DuckDbSettings.memoryLimit(EngineOptions.none())).isEqualTo(DuckDbSettings.DEFAULT_MEMORY_LIMIT);
        assertThat(DuckDbSettings.memoryLimit(limit(" 2GB "))).isEqualTo("2GB");
    }

    @Test
    void aReaderGetsAShareOfTheLimitInWholeMebibytes() {
        assertThat(DuckDbSettings.forReader(EngineOptions.none()).duckDbMemoryLimit())
                .contains((DuckDbMemory.share(DuckDbMemory.bytes(DuckDbSettings.DEFAULT_MEMORY_LIMIT)) >> 20) + "MiB");
        assertThat(DuckDbSettings.forReader(limit("3GiB")).duckDbMemoryLimit()).contains("1024MiB");
        assertThat(DuckDbSettings.forReader(limit("100MB")).duckDbMemoryLimit())
                .as("never more than the limit")
                .contains((100_000_000L >> 20) + "MiB");
        assertThatThrownBy(() -> DuckDbSettings.forReader(limit("lots")))
                .isInstanceOf(SparkifyException.class)
                .hasMessageContaining("SPARKIFY_DUCKDB_MEMORY_LIMIT");
    }

    @Test
    void aLimitThatIsNotASizeIsAConfigErrorNamingTheVariable() {
        assertThatThrownBy(() -> DuckDbSettings.memoryLimit(limit("lots ")))
                .isInstanceOf(SparkifyException.class)
                .hasMessage("Expected SPARKIFY_DUCKDB_MEMORY_LIMIT like 512MB or 2GB, found 'lots'")
                .extracting(e -> ((SparkifyException) e).code())
                .isEqualTo(ErrorCode.CONFIG);
    }
}
