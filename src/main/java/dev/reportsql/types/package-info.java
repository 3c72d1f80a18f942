/**
 * Column types of report rows: inferring them from a sample of JSON rows ({@link
 * dev.reportsql.types.TypeInference}), converting JSON values into Calcite's internal
 * representation ({@link dev.reportsql.types.ValueConverter}), and streaming a JSON array of row
 * objects token by token ({@link dev.reportsql.types.JsonRowStream}).
 */
package dev.reportsql.types;
