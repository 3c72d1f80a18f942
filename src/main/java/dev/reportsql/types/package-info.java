/**
 * Column types of report rows: classifying every value of a response to infer the types that hold
 * them ({@link dev.reportsql.types.RowClassifier}, {@link dev.reportsql.types.TypeInference}, which
 * also widens a column for a value that did not fit), holding a response while it is classified
 * ({@link dev.reportsql.types.RowSpool}), converting JSON values into Calcite's internal
 * representation ({@link dev.reportsql.types.ValueConverter}), and streaming a JSON array of row
 * objects token by token ({@link dev.reportsql.types.JsonRowStream}).
 * May import: {@code error}, Jackson, and Calcite's type names only.
 */
package dev.reportsql.types;
