package dev.reportsql.sandbox.sooperwizer;

/**
 * A JSON number written exactly as given (e.g. {@code 1.5E-3}), for columns whose raw number text
 * matters to the driver's parser.
 */
record NumberText(String text) {
}
