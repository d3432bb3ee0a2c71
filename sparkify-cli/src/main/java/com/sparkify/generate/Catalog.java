package com.sparkify.generate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The songs written to {@code song_data} and the songs users also play that are not in it. Artist names of
 * the two never overlap, so a play of an outside song can never match the catalog by accident.
 */
final class Catalog {
    static final int MIN_SONGS = 50;
    static final int MAX_SONGS = 5_000;
    /** Share of plays, in percent, that come from the catalog; the rest are outside songs. */
    static final int CATALOG_PLAY_PERCENT = 30;

    private static final int OUTSIDE_FACTOR = 3;
    private static final int MAX_SONGS_PER_ARTIST = 6;

    private final List<Song> songs;
    private final List<Song> outside;

    private Catalog(List<Song> songs, List<Song> outside) {
        this.songs = List.copyOf(songs);
        this.outside = List.copyOf(outside);
    }

    static int size(int users) {
        return (int) Math.min(MAX_SONGS, Math.max(MIN_SONGS, 2L * users));
    }

    static Catalog create(int users, SplittableRandom random) {
        Set<String> names = new HashSet<>(); // membership only; never iterated, so order cannot leak out
        Set<String> ids = new HashSet<>();
        List<Song> songs = new ArrayList<>();
        for (String name : Words.NON_ASCII_ARTISTS) {
            names.add(name);
            addArtist(songs, name, size(users), random, ids);
        }
        fill(songs, size(users), random, names, ids);
        List<Song> outside = new ArrayList<>();
        fill(outside, songs.size() * OUTSIDE_FACTOR, random, names, ids);
        return new Catalog(songs, outside);
    }

    List<Song> songs() {
        return songs;
    }

    /**
     * The song of one play. The first songs of a list are played several times more often than the last,
     * so a top-songs query has a clear head without one song dominating.
     */
    Song play(SplittableRandom random) {
        List<Song> from = random.nextInt(100) < CATALOG_PLAY_PERCENT ? songs : outside;
        double u = random.nextDouble();
        return from.get((int) (from.size() * u * (0.15 + 0.85 * u)));
    }

    private static void fill(
            List<Song> songs, int target, SplittableRandom random, Set<String> names, Set<String> ids) {
        while (songs.size() < target) {
            addArtist(songs, uniqueName(random, names), target, random, ids);
        }
    }

    private static void addArtist(List<Song> songs, String name, int target, SplittableRandom random, Set<String> ids) {
        Artist artist = newArtist(name, random, ids);
        int count = 1 + random.nextInt(MAX_SONGS_PER_ARTIST);
        for (int i = 0; i < count && songs.size() < target; i++) {
            BigDecimal duration = BigDecimal.valueOf(random.nextLong(9_000_000, 48_000_000), 5);
            int year = random.nextInt(4) == 0 ? 0 : random.nextInt(1958, 2011);
            songs.add(new Song(
                    unique(ids, () -> Ids.track(random)),
                    unique(ids, () -> Ids.of("SO", random)),
                    artist,
                    Words.title(random),
                    duration,
                    year));
        }
    }

    private static Artist newArtist(String name, SplittableRandom random, Set<String> ids) {
        String id = unique(ids, () -> Ids.of("AR", random));
        int kind = random.nextInt(10);
        if (kind < 2) {
            return new Artist(id, name, "", null, null);
        }
        Places.Place place = Places.artistPlace(random);
        if (kind < 3) {
            return new Artist(id, name, place.name(), null, null);
        }
        return new Artist(id, name, place.name(), place.latitude(), place.longitude());
    }

    private static String uniqueName(SplittableRandom random, Set<String> names) {
        String name = Words.artist(random);
        // The space of names is large but finite: after many collisions, a number makes the name unique.
        for (int attempt = 0; !names.add(name); attempt++) {
            name = attempt < 50 ? Words.artist(random) : Words.artist(random) + " " + (attempt - 48);
        }
        return name;
    }

    private static String unique(Set<String> ids, Supplier<String> next) {
        String id = next.get();
        while (!ids.add(id)) {
            id = next.get();
        }
        return id;
    }
}
