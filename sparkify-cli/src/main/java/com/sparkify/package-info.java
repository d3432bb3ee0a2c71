/**
 * sparkify: raw JSON of a music-streaming app to an analytics star schema. Data flows one way: {@code cli ->
 * pipeline -> (source, ingest) -> warehouse}; only {@code cli} talks to the terminal.
 */
package com.sparkify;
