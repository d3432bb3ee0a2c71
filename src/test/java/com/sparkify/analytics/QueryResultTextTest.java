package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryResultTextTest {
    private final QueryResult result = new QueryResult(
            "top_songs",
            List.of("song", "plays", "share"),
            List.of(
                    Arrays.asList("Hello, \"World\"", 3L, new BigDecimal("12.50")),
                    Arrays.asList(null, 1L, null),
                    Arrays.asList(" padded", 2L, BigDecimal.ONE)),
            List.of("Catalog: 0 of 6 plays"));

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullEmpty() {
        assertThat(QueryResultText.csv(result))
                .isEqualTo("song,plays,share\r\n\"Hello, \"\"World\"\"\",3,12.50\r\n,1,\r\n\" padded\",2,1\r\n");
    }

    @Test
    void jsonHasRowsAsObjectsWithNumbersAndNotes() throws Exception {
        JsonNode json = new ObjectMapper().readTree(QueryResultText.json(result));

        assertThat(json.get("query").asText()).isEqualTo("top_songs");
        assertThat(json.at("/rows/0/song").asText()).isEqualTo("Hello, \"World\"");
        assertThat(json.at("/rows/0/plays").isNumber()).isTrue();
        assertThat(json.at("/rows/0/share").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(json.at("/rows/1/song").isNull()).isTrue();
        assertThat(json.at("/notes/0").asText()).isEqualTo("Catalog: 0 of 6 plays");
    }
}
