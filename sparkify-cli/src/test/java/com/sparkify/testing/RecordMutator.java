package com.sparkify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mutator of real JSON records: bytes, types, keys, encodings and line breaks. The same seed
 * gives the same mutations, so a failing case can be replayed.
 */
public final class RecordMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[][] NASTY = {
        {(byte) 0xFF},
        {(byte) 0xC3},
        {0},
        {'"'},
        {'{'},
        {'}'},
        {'['},
        {','},
        {':'},
        {'\\'},
        {'\n'},
        {'\r', '\n'},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {' ', ' ', '\t'}
    };

    private final SplittableRandom random;

    public RecordMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One to three mutations of a record (a line without its newline). */
    public byte[] mutate(byte[] record) {
        byte[] result = record;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            result = random.nextInt(2) == 0 ? mutateJson(result) : mutateBytes(result);
        }
        return result;
    }

    private byte[] mutateBytes(byte[] in) {
        if (in.length == 0) {
            return NASTY[random.nextInt(NASTY.length)];
        }
        int at = random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 8);
        switch (random.nextInt(4)) {
            case 0 -> { // flip a byte
                out.write(in, 0, in.length);
                byte[] bytes = out.toByteArray();
                bytes[at] = (byte) random.nextInt(256);
                return bytes;
            }
            case 1 -> { // delete a run
                int length = 1 + random.nextInt(Math.min(8, in.length - at));
                out.write(in, 0, at);
                out.write(in, at + length, in.length - at - length);
            }
            case 2 -> { // insert something nasty
                out.write(in, 0, at);
                byte[] nasty = NASTY[random.nextInt(NASTY.length)];
                out.write(nasty, 0, nasty.length);
                out.write(in, at, in.length - at);
            }
            default -> { // truncate
                out.write(in, 0, at);
            }
        }
        return out.toByteArray();
    }

    private byte[] mutateJson(byte[] in) {
        JsonNode node;
        try {
            node = JSON.readTree(in);
        } catch (IOException e) {
            return mutateBytes(in);
        }
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return mutateBytes(in);
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(6)) {
            case 0 -> object.remove(key);
            case 1 -> object.set(key.toUpperCase(java.util.Locale.ROOT), object.remove(key));
            case 2 -> object.set(key, otherType(object.get(key)));
            case 3 -> object.put(key, "x".repeat(random.nextInt(40) == 0 ? 100_000 : 3));
            case 4 -> object.put(key, latin1Twice(object.get(key).asText()));
            default -> object.set(
                    key,
                    JsonNodeFactory.instance.numberNode(
                            new java.math.BigDecimal(random.nextInt(2) == 0 ? "1e400" : "-99999999999999999999.5")));
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode otherType(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(7)) {
            case 0 -> nodes.textNode(value.asText());
            case 1 -> nodes.numberNode(random.nextLong());
            case 2 -> nodes.numberNode(random.nextDouble() * 1000);
            case 3 -> nodes.objectNode().set("nested", value);
            case 4 -> nodes.arrayNode().add(value);
            case 5 -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.nullNode();
        };
    }

    /** Double-encoded UTF-8, as in the sample's artist names. */
    private static String latin1Twice(String text) {
        String once = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return new String(once.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + "\u00e9";
    }
}
