package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
    @Test
    void hidesPasswordsInParametersAndUserInfo() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/dwh?user=etl&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/dwh?user=etl&password=****&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:postgresql://etl:s3cr3t@db:5432/dwh"))
                .isEqualTo("jdbc:postgresql://etl:****@db:5432/dwh");
        assertThat(JdbcUrls.redact("jdbc:redshift://h:5439/dev;UID=a;PWD=s3cr3t"))
                .doesNotContain("s3cr3t");
        assertThat(JdbcUrls.redact("jdbc:duckdb:sparkify.duckdb")).isEqualTo("jdbc:duckdb:sparkify.duckdb");
    }
}
