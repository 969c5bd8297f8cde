package io.yardstick.model;

/** One column of the canonical format: its lowercase name, type and whether a value is required. */
public record Field(String name, FieldType type, boolean required) {
  static Field required(String name, FieldType type) {
    return new Field(name, type, true);
  }

  static Field optional(String name, FieldType type) {
    return new Field(name, type, false);
  }
}
