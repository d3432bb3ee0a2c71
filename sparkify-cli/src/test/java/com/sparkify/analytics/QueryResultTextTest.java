package com.sparkify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void jsonIsTheDocumentOfOneAnswerWrittenRowByRow() throws Exception {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("query", "top_songs");
        document.put("columns", List.of("song", "plays", "share"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("song", row.get(0));
            object.put("plays", row.get(1));
            object.put("share", row.get(2));
            rows.add(object);
        }
        document.put("rows", rows);
        document.put("notes", List.of("Catalog: 0 of 6 plays"));

        assertThat(QueryResultText.json(result))
                .isEqualTo(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(document));
    }

    @Test
    void rowsReachTheWriterAsTheyArrive() {
        StringWriter csv = new StringWriter();
        StringWriter json = new StringWriter();
        RowSink csvRows = QueryResultText.csv(csv);
        RowSink jsonRows = QueryResultText.json(json);

        csvRows.start("answer", List.of("n"));
        jsonRows.start("answer", List.of("n"));
        csvRows.row(List.of(1L));
        jsonRows.row(List.of(1L));

        assertThat(csv.toString()).isEqualTo("n\r\n1\r\n");
        assertThat(json.toString()).startsWith("{").doesNotContain("notes");
        jsonRows.end(List.of());
        assertThat(json.toString()).endsWith("\"notes\" : [ ]\n}");
    }
}
