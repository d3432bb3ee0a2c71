/** Settings from {@code dwh.cfg}, the environment and flags, resolved once into an immutable record. */
package com.sparkify.config;
