package com.sparkify.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReplicatorTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theNextDayHasEveryEventOneDayLaterInSessionsOfItsOwn() throws IOException {
        Path log = Files.writeString(
                dir.resolve("2018-11-30-events.json"),
                "{\"ts\":1543622400000,\"sessionId\":7,\"page\":\"NextSong\",\"userId\":\"26\"}\n\n"
                        + "{\"ts\":1543622400001,\"sessionId\":8,\"page\":\"Home\",\"userId\":\"\"}\n");

        Path next = new DatasetReplicator().nextDay(log, dir.resolve("out"));

        assertThat(next).isEqualTo(dir.resolve("out/2018-12-01-events.json"));
        List<JsonNode> events =
                Files.readAllLines(next).stream().map(this::parse).toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("ts").asLong()).isEqualTo(1543622400000L + 86_400_000L);
        assertThat(events.get(0).get("sessionId").asLong()).isEqualTo(7 + 10_000_000_000L);
        assertThat(events.get(1).get("sessionId").asLong()).isEqualTo(8 + 10_000_000_000L);
        assertThat(events.get(0).get("userId").asText()).isEqualTo("26");
        assertThat(events.get(1).get("page").asText()).isEqualTo("Home");
    }

    @Test
    void aLogNotNamedByItsDayGetsANameOfItsOwn() throws IOException {
        Path log = Files.writeString(dir.resolve("late.json"), "{\"ts\":1,\"sessionId\":1}\n");

        assertThat(new DatasetReplicator().nextDay(log, dir)).isEqualTo(dir.resolve("late-next-day.json"));
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
