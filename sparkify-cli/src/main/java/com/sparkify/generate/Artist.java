package com.sparkify.generate;

import java.math.BigDecimal;

/** An artist as a song file describes it; an empty location comes with null coordinates or not, as in MSD. */
record Artist(String id, String name, String location, BigDecimal latitude, BigDecimal longitude) {}
