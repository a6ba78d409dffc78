# Sourced by pmkb's launchers (./pmkb in a checkout, bin/pmkb in the distribution): finds a Java 21+ and the
# options pmkb runs with. The Java is discovered, never assumed: PMKB_JAVA_HOME, JAVA_HOME, `java` on PATH, then
# the usual install folders of package managers and JDK installers. Set PMKB_JAVA_HOME to choose one.
#
# Asking a java for its version starts a JVM (0.1-0.5 s each, several JDKs on a machine): the answers are kept in
# pmkb's cache folder (PMKB_CACHE_DIR, else $XDG_CACHE_HOME/pmkb, else ~/.cache/pmkb), by the java's path, change time
# and inode, so that a java replaced in place, or a link pointed elsewhere, is asked again. No cache folder, no
# caching: every command then asks, as before.

pmkb_cache="${PMKB_CACHE_DIR:-}"
if [[ -z "$pmkb_cache" && -n "${XDG_CACHE_HOME:-}" ]]; then pmkb_cache="$XDG_CACHE_HOME/pmkb"; fi
if [[ -z "$pmkb_cache" && -n "${HOME:-}" ]]; then pmkb_cache="$HOME/.cache/pmkb"; fi
pmkb_java_versions_file="${pmkb_cache:+$pmkb_cache/java-versions}"
pmkb_java_versions_read=false
declare -A pmkb_java_versions=()   # "path mtime inode" -> feature version, as cached

java_major_probe() {  # prints the feature version of the java binary $1, or nothing (starts it)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

java_major() {  # prints the feature version of the java binary $1, or nothing; asks it only once per build of it
  local java="$1" stamp major line
  [[ -n "$pmkb_java_versions_file" ]] || { java_major_probe "$java"; return; }
  stamp="$(stat -L -c '%.9Z %i %s' -- "$java" 2>/dev/null)" || { java_major_probe "$java"; return; }
  if ! $pmkb_java_versions_read; then
    pmkb_java_versions_read=true
    if [[ -f "$pmkb_java_versions_file" ]]; then
      while IFS=$'\t' read -r major line; do
        [[ "$major" =~ ^[0-9]+$ ]] && pmkb_java_versions["$line"]="$major"
      done <"$pmkb_java_versions_file"
    fi
  fi
  major="${pmkb_java_versions["$java $stamp"]:-}"
  if [[ -z "$major" ]]; then
    major="$(java_major_probe "$java")"
    if [[ -n "$major" ]]; then
      pmkb_java_versions["$java $stamp"]="$major"
      # one line per java; a failed write only costs the next command the same probe
      { mkdir -p "$pmkb_cache" && printf '%s\t%s\n' "$major" "$java $stamp" >>"$pmkb_java_versions_file"; } 2>/dev/null || true
    fi
  fi
  echo "$major"
}

# find_java jdk|jre: sets java_bin to the newest java 21+ found (jdk: only in a JDK, which can compile pmkb too)
# and java_bin_major to its feature version; returns 1 when there is none.
find_java() {
  local need="$1" candidates=() best="" best_major=0 home java major
  [[ -n "${PMKB_JAVA_HOME:-}" ]] && candidates+=("$PMKB_JAVA_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    java="$(readlink -f "$(command -v java)")"
    candidates+=("${java%/bin/java}")
  fi
  shopt -s nullglob
  candidates+=(/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home
               "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.local/share/mise/installs/java/*
               "$HOME"/.asdf/installs/java/*)
  shopt -u nullglob
  for home in "${candidates[@]}"; do
    java="$home/bin/java"
    [[ -x "$java" ]] || continue
    [[ "$need" != jdk || -x "$home/bin/javac" ]] || continue
    major="$(java_major "$java")"
    [[ -n "$major" ]] || continue
    if [[ -n "${PMKB_JAVA_HOME:-}" && "$home" == "$PMKB_JAVA_HOME" && "$major" -ge 21 ]]; then
      java_bin="$java" java_bin_major="$major"
      return 0
    fi
    if (( major >= 21 && major > best_major )); then best="$java"; best_major="$major"; fi
  done
  [[ -n "$best" ]] || return 1
  java_bin="$best" java_bin_major="$best_major"
}

# A Java the user named is never passed over in silence: a wrong PMKB_JAVA_HOME is a usage error (exit 2).
refuse_a_wrong_named_java() {
  [[ -n "${PMKB_JAVA_HOME:-}" ]] || return 0
  if [[ ! -x "$PMKB_JAVA_HOME/bin/java" ]]; then
    echo "pmkb: PMKB_JAVA_HOME=$PMKB_JAVA_HOME has no bin/java; point it at a Java 21 or newer, or unset it" >&2
    exit 2
  fi
  local named_major
  named_major="$(java_major "$PMKB_JAVA_HOME/bin/java")"
  if [[ -z "$named_major" || "$named_major" -lt 21 ]]; then
    echo "pmkb: PMKB_JAVA_HOME=$PMKB_JAVA_HOME is Java ${named_major:-of unknown version}; pmkb needs 21 or newer" >&2
    exit 2
  fi
}

java_missing_hint="install one (Ubuntu 24.04: 'apt-get install openjdk-21-jre'; Debian 12 packages none: install Temurin 21 from adoptium.net, whose apt repository covers Debian, or with SDKMAN) or set PMKB_JAVA_HOME"

# pmkb_java_options JAVA MAJOR: sets the array java_opts
pmkb_java_options() {
  java_opts=(--enable-native-access=ALL-UNNAMED -XX:+UseParallelGC
    # Measured on 2 cores (docs/benchmarks.md, "Memory"): C2 compiled code never repaid its compile time and its
    # compiler's memory within a bake (1,000 postmortems: 31.6 s of CPU with C2, 19.1 s without; 10,000: equal), and
    # ParallelGC's default 1% GC-time goal grew the heap to 2.8 GB for about 0.6 GB of live data. A 20% goal keeps
    # the heap near what is live (10,000: 0.77 GB peak RSS, same bake time) and still lets larger libraries grow it,
    # where a fixed -Xmx would make them fail. A young generation of at most 160 MB keeps a rebake from swinging
    # between 0.65 and 1.1 GB at 10,000 for the same CPU (cold bakes alike; docs/benchmarks.md, "Issue #15 measured
    # in one run"). PMKB_JAVA_OPTS, given after these, can override any of them.
    -XX:TieredStopAtLevel=1 -XX:GCTimeRatio=4 -XX:MaxNewSize=160m)
  # OrientDB (inside jbake-core) still uses sun.misc.Unsafe; JDK 23+ warns about it on every start.
  if (( $2 >= 23 )); then java_opts+=(--sun-misc-unsafe-memory-access=allow); fi
}

# pmkb_start_archive ARCHIVE CLASSPATH EXAMPLE: adds to java_opts a class-data archive (AppCDS) of the classes a
# bake loads, so that a JVM maps them instead of finding, reading and verifying each one (about 40% of a small
# bake's time). The archive is made once, by baking the library EXAMPLE into a temporary folder, and again when
# it is older than the java or the classpath file's jars it was made with (the JVM itself also refuses an archive
# of another java or classpath, silently, and runs without one). PMKB_START_ARCHIVE=off runs without one.
pmkb_start_archive() {
  local archive="$1" classpath="$2" example="$3" training jars
  [[ "${PMKB_START_ARCHIVE:-on}" != off && -d "$example" ]] || return 0
  local writable=true
  # where the archive cannot be written (a read-only installation or home), no command tries to make it; one made
  # there beforehand (an image's build) is still used
  { mkdir -p "$(dirname "$archive")" && [[ -w "$(dirname "$archive")" ]]; } 2>/dev/null || writable=false
  IFS=: read -r -a jars <<<"$classpath"
  if $writable && older_than "$archive" "$java_bin" "${jars[@]}" && older_than "$archive.failed" "$java_bin" "${jars[@]}"; then
    echo "pmkb: preparing a faster start (once for this build and Java; PMKB_START_ARCHIVE=off skips it)..." >&2
    rm -f "$archive.failed"
    if training="$(mktemp -d "$archive.training-XXXXXX")" \
        && "$java_bin" "${java_opts[@]}" -XX:ArchiveClassesAtExit="$training/archive" -Xlog:cds=off,cds+dynamic=off \
            -cp "$classpath" dev.pmkb.cli.Main bake --content "$example" --output "$training/site" >/dev/null 2>&1 \
        && [[ -s "$training/archive" ]]; then
      mv -f "$training/archive" "$archive"   # whole or not at all, for the commands starting meanwhile
    else
      : >"$archive.failed" 2>/dev/null || true   # not again until the java or a jar changes
    fi
    if [[ -n "$training" ]]; then rm -rf "$training"; fi
  fi
  if ! older_than "$archive" "$java_bin" "${jars[@]}"; then
    # An archive the JVM cannot use after all (another build of the java) is skipped without a word.
    java_opts+=(-XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
  fi
}

older_than() {  # older_than FILE INPUT...: FILE is missing or older than one of the INPUTs
  local file="$1" input
  shift
  [[ -e "$file" ]] || return 0
  for input in "$@"; do
    [[ "$input" -nt "$file" ]] && return 0
  done
  return 1
}
