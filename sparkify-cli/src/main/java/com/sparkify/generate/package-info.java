/** The synthetic, deterministic generator of song files and eventsim-like daily event logs. */
package com.sparkify.generate;
