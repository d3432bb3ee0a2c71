package com.sparkify.generate;

import java.util.List;
import java.util.SplittableRandom;

/** The vocabulary of made-up song titles and artist names, with a few non-ASCII words on purpose. */
final class Words {
    /** Always in the catalog: the warehouse must keep their UTF-8 intact end to end. */
    static final List<String> NON_ASCII_ARTISTS =
            List.of("Björk", "Beyoncé", "Sigur Rós", "Motörhead", "Zoé", "Mø", "Café Tacvba", "Hüsker Dü");

    private static final List<String> ADJECTIVES =
            split("Silver|Broken|Golden|Electric|Quiet|Wild|Lonely|Burning|Frozen|Hollow|Velvet|Crimson|"
                    + "Midnight|Sweet|Restless|Distant|Neon|Paper|Crystal|Savage|Gentle|Dark|Bright|Lost|Wicked|"
                    + "Blue|Empty|Endless|Secret|Falling|Sleepy|Dusty|Perfect|Strange|Little|Heavy|Naked|Holy|"
                    + "Tender|Última");
    private static final List<String> NOUNS =
            split("Heart|River|Road|Fire|Rain|Dream|Night|Ocean|Highway|Window|Garden|Mirror|Shadow|Summer|"
                    + "Winter|Train|Angel|Mountain|Letter|Radio|Stranger|City|Moon|Sun|Storm|Kingdom|Harbor|"
                    + "Diamond|Echo|Horizon|Thunder|Island|Desert|Ghost|Lover|Machine|Wolf|Sparrow|Sister|Brother|"
                    + "Café|Mañana|Señorita|Déjà Vu|Fiesta|Cowboy|Satellite|Parade|Valentine|Tide");
    private static final List<String> VERBS =
            split("Running|Dancing|Waiting|Falling|Holding|Calling|Breaking|Dreaming|Fading|Chasing|Leaving|"
                    + "Burning|Singing|Drifting|Shining");
    private static final List<String> ENDINGS =
            List.of("Home", "Away", "Alone", "Tonight", "Forever", "Again", "Slowly", "Down", "Out", "Back");
    private static final List<String> FIRST_NAMES =
            split("Johnny|Ella|Marvin|Nina|Otis|Aretha|Willie|Patsy|Chet|Etta|Lou|Joni|Buddy|Dolly|Ray|Carole|"
                    + "Sam|Billie|Hank|Loretta|José|Zoë|Rafael|Inés");
    private static final List<String> LAST_NAMES =
            split("Walker|Carter|Hayes|Brooks|Monroe|Dalton|Reyes|Larsen|Fontaine|McCoy|Bishop|Harper|Vance|"
                    + "Cruz|Novak|Sullivan|Okafor|Lindqvist|Moreau|Kowalski|Jiménez|Åberg|Nguyen|Ferreira");
    private static final List<String> GENRES =
            List.of("Band", "Orchestra", "Trio", "Collective", "Brothers", "Sisters", "Project", "Quartet", "Crew");

    private Words() {}

    /** A word list written as one string, {@code |}-separated, to keep the lists readable on a few lines. */
    static List<String> split(String words) {
        return List.of(words.split("\\|"));
    }

    static String pick(SplittableRandom random, List<String> words) {
        return words.get(random.nextInt(words.size()));
    }

    static String title(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            case 1 -> "The " + pick(random, NOUNS);
            case 2 -> pick(random, NOUNS) + " In The " + pick(random, NOUNS);
            case 3 -> pick(random, VERBS) + " " + pick(random, ENDINGS);
            case 4 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + " (Live)";
            default -> pick(random, VERBS) + " For The " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        };
    }

    /** An artist name; callers make names unique, so the space of names is large on purpose. */
    static String artist(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> "The " + pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + "s";
            case 1 -> pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
            case 2 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
            case 3 -> pick(random, LAST_NAMES) + " " + pick(random, GENRES);
            default -> pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES) + " & The " + pick(random, NOUNS)
                    + "s";
        };
    }
}
