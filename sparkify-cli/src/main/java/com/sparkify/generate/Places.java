package com.sparkify.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Where artists come from (free text with coordinates, as in MSD) and where users live (eventsim metros). */
final class Places {
    /** Coordinates are decimals so that their digits never depend on how a JDK prints a double. */
    record Place(String name, BigDecimal latitude, BigDecimal longitude) {}

    private static final List<Place> ARTIST_PLACES = List.of(
            place("Nashville, TN", "36.16778", "-86.77836"),
            place("Los Angeles, CA", "34.05349", "-118.24532"),
            place("New York, NY", "40.71455", "-74.00712"),
            place("London, England", "51.50632", "-0.12714"),
            place("Chicago, IL", "41.88415", "-87.63241"),
            place("Detroit, MI", "42.33168", "-83.04792"),
            place("Seattle, WA", "47.60356", "-122.32944"),
            place("Austin, TX", "30.26715", "-97.74306"),
            place("Memphis, TN", "35.14968", "-90.04892"),
            place("Kingston, Jamaica", "17.99702", "-76.79358"),
            place("Reykjavík, Iceland", "64.13548", "-21.89541"),
            place("Montréal, Québec, Canada", "45.51228", "-73.55439"),
            place("Paris, France", "48.85693", "2.3412"),
            place("Berlin, Germany", "52.51607", "13.37698"),
            place("Stockholm, Sweden", "59.33217", "18.06243"),
            place("México City, México", "19.43205", "-99.13315"),
            place("São Paulo, Brazil", "-23.56287", "-46.6547"),
            place("Manchester, England", "53.47894", "-2.24526"),
            place("Dublin, Ireland", "53.34376", "-6.24953"),
            place("Sydney, Australia", "-33.86963", "151.20695"),
            place("California - SF", "37.77916", "-122.42005"),
            place("Atlanta, GA", "33.74831", "-84.39111"));

    private static final List<String> USER_LOCATIONS = List.of(
            "Dallas-Fort Worth-Arlington, TX",
            "Tampa-St. Petersburg-Clearwater, FL",
            "Atlanta-Sandy Springs-Roswell, GA",
            "New York-Newark-Jersey City, NY-NJ-PA",
            "Los Angeles-Long Beach-Anaheim, CA",
            "Chicago-Naperville-Elgin, IL-IN-WI",
            "San Francisco-Oakland-Hayward, CA",
            "Seattle-Tacoma-Bellevue, WA",
            "Portland-South Portland, ME",
            "Boston-Cambridge-Newton, MA-NH",
            "Phoenix-Mesa-Scottsdale, AZ",
            "Houston-The Woodlands-Sugar Land, TX",
            "Miami-Fort Lauderdale-West Palm Beach, FL",
            "Denver-Aurora-Lakewood, CO",
            "Detroit-Warren-Dearborn, MI",
            "Minneapolis-St. Paul-Bloomington, MN-WI",
            "San Jose-Sunnyvale-Santa Clara, CA",
            "Red Bluff, CA",
            "La Crosse-Onalaska, WI-MN",
            "Lansing-East Lansing, MI",
            "Birmingham-Hoover, AL",
            "Kansas City, MO-KS",
            "Salt Lake City, UT",
            "Spokane-Spokane Valley, WA",
            "San Juan-Carolina-Caguas, PR");

    private Places() {}

    private static Place place(String name, String latitude, String longitude) {
        return new Place(name, new BigDecimal(latitude), new BigDecimal(longitude));
    }

    static Place artistPlace(SplittableRandom random) {
        return ARTIST_PLACES.get(random.nextInt(ARTIST_PLACES.size()));
    }

    static String userLocation(SplittableRandom random) {
        return USER_LOCATIONS.get(random.nextInt(USER_LOCATIONS.size()));
    }
}
