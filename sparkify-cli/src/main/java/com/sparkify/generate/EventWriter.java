package com.sparkify.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;

/** Writes events as eventsim does: one compact object per line, keys in alphabetical order. */
final class EventWriter {
    private final JsonGenerator json;

    EventWriter(JsonGenerator json) {
        this.json = json;
    }

    void write(Event event) throws IOException {
        User user = event.loggedIn() ? event.user() : null;
        Song song = event.song();
        json.writeStartObject();
        json.writeStringField("artist", song == null ? null : song.artist().name());
        json.writeStringField("auth", event.loggedIn() ? "Logged In" : "Logged Out");
        json.writeStringField("firstName", user == null ? null : user.firstName());
        json.writeStringField("gender", user == null ? null : user.gender());
        json.writeNumberField("itemInSession", event.itemInSession());
        json.writeStringField("lastName", user == null ? null : user.lastName());
        json.writeFieldName("length");
        if (song == null) {
            json.writeNull();
        } else {
            json.writeNumber(song.duration());
        }
        json.writeStringField("level", event.level());
        json.writeStringField("location", user == null ? null : user.location());
        json.writeStringField("method", event.page().method());
        json.writeStringField("page", event.page().label());
        json.writeFieldName("registration");
        if (user == null) {
            json.writeNull();
        } else {
            // A float with one decimal, like 1540266185796.0: eventsim wrote the millisecond count as a double.
            json.writeNumber(BigDecimal.valueOf(user.registration()).setScale(1));
        }
        json.writeNumberField("sessionId", event.sessionId());
        json.writeStringField("song", song == null ? null : song.title());
        json.writeNumberField("status", event.page().status());
        json.writeNumberField("ts", event.ts());
        json.writeStringField("userAgent", user == null ? null : user.userAgent());
        json.writeStringField("userId", user == null ? "" : user.userId());
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
