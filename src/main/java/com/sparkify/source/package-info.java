/** Where raw files live (a local folder or file; S3 later): listing, opening, gzip, change detection. */
package com.sparkify.source;
