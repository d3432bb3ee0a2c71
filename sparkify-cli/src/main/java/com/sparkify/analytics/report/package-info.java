/** The HTML report: figures, inline SVG charts, data quality and runs in one self-contained file. */
package com.sparkify.analytics.report;
