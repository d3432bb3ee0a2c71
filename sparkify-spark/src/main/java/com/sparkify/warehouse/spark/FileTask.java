package com.sparkify.warehouse.spark;

import java.io.Serializable;

/** One file for a staging task, as the listing on the driver saw it. */
public record FileTask(String uri, String path, long size, String changeMarker) implements Serializable {}
