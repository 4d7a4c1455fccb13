# The tools the course's checks and book need, pinned. Sourced by ci/check and ci/serve.
#
# Each is installed from crates.io with `cargo install --locked` when it is
# missing or at another version, so a machine with only a Rust toolchain can
# run everything. The first install downloads and compiles them: about three
# minutes on 2 cores. They are built without optimisation (`--debug`) into
# one scratch directory, so the crates they share compile once: measured on
# 2 cores, 176 s for both against 277 s for optimised builds, and this
# book still builds in 2 s.

MDBOOK_VERSION=0.5.4
# The book's quizzes; 0.5.0 is the first release built for mdBook 0.5.
MDBOOK_QUIZ_VERSION=0.5.0

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# install_pinned CRATE VERSION COMMAND: installs CRATE@VERSION unless COMMAND
# already reports that version.
install_pinned() {
    local crate=$1 version=$2 command=$3
    if "$command" --version 2>/dev/null | grep -qF "$version"; then
        return 0
    fi
    echo "==> installing $crate $version (once; this downloads and compiles it)"
    cargo install --locked --quiet --debug --target-dir "$TOOLS_BUILD_DIR" \
        "$crate" --version "$version"
}

install_book_tools() {
    TOOLS_BUILD_DIR=$(mktemp -d)
    install_pinned mdbook "$MDBOOK_VERSION" mdbook
    install_pinned mdbook-quiz "$MDBOOK_QUIZ_VERSION" mdbook-quiz
    rm -rf "$TOOLS_BUILD_DIR"
}

# The checks need nothing more than the book does: links and anchors are
# checked by the course's own test (workspace/course-checks/tests/links.rs), which
# costs no extra install. (mdbook-linkcheck2 did it before, and brought an
# HTTP client with a TLS stack to build, for a book that only links to itself.)
install_check_tools() {
    install_book_tools
}
