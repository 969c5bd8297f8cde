# Sourced by the bench scripts: exports JAVA_HOME as a Java 21 or newer (the one given when it is; else the newest
# under /usr/lib/jvm), since the machine's default java may be older.
if [ -z "${JAVA_HOME:-}" ] || [ "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')" -lt 21 ]; then
  for dir in /usr/lib/jvm/*; do
    v="$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' || echo 0)"
    [ "${v:-0}" -ge 21 ] && export JAVA_HOME="$dir"
  done
fi
