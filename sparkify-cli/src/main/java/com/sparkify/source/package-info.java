/**
 * Where raw files live: a local folder or file, or an S3 location (AWS or an S3-compatible store). Listing,
 * opening, gzip, change detection, and downloading many small objects ahead of the reader.
 */
package com.sparkify.source;
