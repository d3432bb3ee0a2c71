/** The command line: one picocli class per command. The only package that writes to the terminal. */
package com.sparkify.cli;
