#!/usr/bin/env bash
# workshop-kit.sh: the offline kit for a venue without a network. Run by
#   ./mvnw -q -Pworkshop-kit package
# which passes the repository's top folder, the Maven home the wrapper is running and the
# local repository this machine already has; it writes target/workshop-kit.tar.gz.
#
# The kit is one archive of a .m2 folder: the Maven distribution the wrapper uses and a fresh
# repository that holds exactly what the workshop, the tour and the tests resolve, because it
# is filled by running them. Attendees unpack it into their home folder:
#   tar -xzf workshop-kit.tar.gz -C "$HOME"     # gives ~/.m2/wrapper/... and ~/.m2/repository/...
set -euo pipefail

root=$1        # the repository's top folder
maven_home=$2  # the Maven this build runs on: the wrapper's, under .../wrapper/dists/
cache=$3       # this machine's local repository: read first, so the kit costs no download

work=$root/target/workshop-kit
kit=$work/home/.m2
archive=$root/target/workshop-kit.tar.gz

case "$maven_home" in
  */wrapper/dists/*) dist=${maven_home#*/wrapper/dists/} ;;
  *) echo "workshop-kit: Maven runs from $maven_home, not from the wrapper: run ./mvnw -Pworkshop-kit package" >&2
     exit 1 ;;
esac

rm -rf "$work" "$archive"
mkdir -p "$kit/wrapper/dists/$dist" "$kit/repository" "$work/src"
cp -a "$maven_home/." "$kit/wrapper/dists/$dist/"

# A copy of the sources, built apart: two Maven builds in one tree overwrite each other's jars.
tar -C "$root" --exclude=./.git --exclude=target -cf - . | tar -C "$work/src" -xf -

# This machine's repository as the first remote, Maven Central after it for what it lacks;
# the same one for dependencies and for plugins, which Maven looks up apart.
this_machine="<id>this-machine</id>
          <url>file://$cache</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><enabled>false</enabled></snapshots>"
cat > "$work/settings.xml" <<EOF
<settings>
  <profiles>
    <profile>
      <id>this-machine</id>
      <repositories>
        <repository>
          $this_machine
        </repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository>
          $this_machine
        </pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>this-machine</activeProfile>
  </activeProfiles>
</settings>
EOF

# The full build, resolving into the kit's repository: every plugin is resolved before it is
# asked whether to skip, so skipping the integration tests (and with them the docs) and the
# exercises' checks still loads them all. One unit test runs, because Surefire fetches its
# JUnit provider only when it runs a test; its result does not matter here. The wrapper
# runs from the kit's own copy of Maven (MAVEN_USER_HOME), so that copy is proven too.
build() {
  if ! (cd "$work/src" && MAVEN_USER_HOME=$kit ./mvnw -B -gs "$work/settings.xml" \
      -Dmaven.repo.local="$kit/repository" "$@") >> "$work/build.log" 2>&1; then
    grep -v "^\[INFO\]" "$work/build.log" | tail -n 40 >&2
    echo "workshop-kit: ./mvnw $* failed (the whole log: $work/build.log)" >&2
    exit 1
  fi
}
echo "workshop-kit: resolving what the workshop, the tour and the tests need"
build -DskipITs -Dhonesty.skip=true -Dtest=SocketPathTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.test.failure.ignore=true verify

# Maven remembers which remote each file came from and, offline, would refuse files from
# this-machine; without those notes, a file counts as installed here and serves any build.
find "$kit/repository" \( -name _remote.repositories -o -name '*.lastUpdated' \
    -o -name resolver-status.properties \) -delete
rm -rf "$kit/repository/udsjava"

tar -C "$work/home" -czf "$archive" .m2
echo "workshop-kit: $archive ($(du -h "$archive" | cut -f1)); unpack with: tar -xzf workshop-kit.tar.gz -C \"\$HOME\""
