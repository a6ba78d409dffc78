# Sourced by pmkb's launchers (./pmkb in a checkout, bin/pmkb in the distribution): finds a Java 21+ and the
# options pmkb runs with. The Java is discovered, never assumed: PMKB_JAVA_HOME, JAVA_HOME, `java` on PATH, then
# the usual install folders of package managers and JDK installers. Set PMKB_JAVA_HOME to choose one.

java_major() {  # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# find_java jdk|jre: prints the newest java 21+ found (jdk: only in a JDK, which can compile pmkb too)
find_java() {
  local need="$1" candidates=() best="" best_major=0 home java major
  [[ -n "${PMKB_JAVA_HOME:-}" ]] && candidates+=("$PMKB_JAVA_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
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
      echo "$java"; return 0
    fi
    if (( major >= 21 && major > best_major )); then best="$java"; best_major="$major"; fi
  done
  [[ -n "$best" ]] && echo "$best"
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

# pmkb_java_options JAVA: sets the array java_opts
pmkb_java_options() {
  java_opts=(--enable-native-access=ALL-UNNAMED -XX:+UseParallelGC
    # Measured on 2 cores (docs/benchmarks.md, "Memory"): C2 compiled code never repaid its compile time and its
    # compiler's memory within a bake (1,000 postmortems: 31.6 s of CPU with C2, 19.1 s without; 10,000: equal), and
    # ParallelGC's default 1% GC-time goal grew the heap to 2.8 GB for about 0.6 GB of live data. A 20% goal keeps
    # the heap near what is live (10,000: 0.77 GB peak RSS, same bake time) and still lets larger libraries grow it,
    # where a fixed -Xmx would make them fail. PMKB_JAVA_OPTS, given after these, can override either.
    -XX:TieredStopAtLevel=1 -XX:GCTimeRatio=4)
  # OrientDB (inside jbake-core) still uses sun.misc.Unsafe; JDK 23+ warns about it on every start.
  if (( $(java_major "$1") >= 23 )); then java_opts+=(--sun-misc-unsafe-memory-access=allow); fi
}
