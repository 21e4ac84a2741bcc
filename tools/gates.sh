#!/bin/sh
# The quality gates beyond the ordinary test run (tools/test.sh). Each gate
# fails the whole run. Usage: sh tools/gates.sh [GATE...]
# Gates: asan tsan valgrind abi fuzz static. Default: all of them.
# FUZZ_SECONDS (default 60) bounds each fuzz target's run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
gates=${*:-"asan tsan valgrind abi fuzz static"}
jobs=$(nproc)
say() { printf '\n== gate %s\n' "$*"; }

for gate in $gates; do
  case "$gate" in
  asan)
    say "asan: every test with AddressSanitizer + UBSan (-fno-sanitize-recover=all)"
    cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DIPOFACTS_SANITIZE=ON >/dev/null
    cmake --build build-asan -j"$jobs" >/dev/null
    # The Python tests load the sanitized library into an unsanitized python3:
    # the runtimes are preloaded; leak detection is off there (the interpreter
    # itself keeps memory until exit).
    IPOFACTS_TEST_SMALL=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^(install|docs)$'
    ;;
  tsan)
    say "tsan: threads reading one dataset under ThreadSanitizer"
    cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DIPOFACTS_TSAN=ON >/dev/null
    cmake --build build-tsan -j"$jobs" --target test_threads >/dev/null
    TSAN_OPTIONS=halt_on_error=1 ctest --test-dir build-tsan --output-on-failure -R '^test_threads$'
    ;;
  valgrind)
    say "valgrind: every C test suite under memcheck"
    cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=Debug >/dev/null
    cmake --build build-valgrind -j"$jobs" >/dev/null
    n=0
    for t in build-valgrind/tests/test_*; do
      [ -x "$t" ] || continue
      IPOFACTS_TEST_SMALL=1 valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --error-exitcode=1 "$t" >"$t.valgrind.log" 2>&1 \
        || { cat "$t.valgrind.log"; echo "valgrind: $t failed" >&2; exit 1; }
      n=$((n + 1))
    done
    [ "$n" -gt 5 ] || { echo "valgrind: found only $n test suites" >&2; exit 1; }
    echo "valgrind: $n suites clean"
    ;;
  abi)
    say "abi: abidiff against the committed baseline abi/libipofacts.abi"
    cmake -S . -B build-abi -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DIPOFACTS_BUILD_EXAMPLES=OFF >/dev/null
    cmake --build build-abi -j"$jobs" --target ipofacts >/dev/null
    grep -q '<abi-instr' abi/libipofacts.abi || { echo "abi/libipofacts.abi is not an abidw baseline" >&2; exit 1; }
    abidiff --no-added-syms abi/libipofacts.abi build-abi/libipofacts.so.1
    echo "abi: no change against the baseline"
    ;;
  fuzz)
    say "fuzz: each libFuzzer target for ${FUZZ_SECONDS:-60} s"
    CC=clang-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIPOFACTS_FUZZ=ON >/dev/null
    targets=$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
    # shellcheck disable=SC2086
    cmake --build build-fuzz -j"$jobs" --target $targets >/dev/null
    sh tools/fuzz.sh build-fuzz "${FUZZ_SECONDS:-60}"
    ;;
  static)
    say "static: cppcheck and clang-tidy on lib/"
    cmake -S . -B build-static -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
    cmake --build build-static -j"$jobs" --target ipofacts >/dev/null
    cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability --inline-suppr \
      --std=c11 -I include -I lib --suppress=missingIncludeSystem lib/
    # .clang-tidy makes every finding an error; run-clang-tidy exits 1 on any.
    run-clang-tidy-14 -p build-static -quiet -j"$jobs" "$top/lib/[^/]*\.c\$" >build-static/clang-tidy.log 2>&1 \
      || { grep -E "error:|warning:" build-static/clang-tidy.log; echo "clang-tidy found problems" >&2; exit 1; }
    echo "static: cppcheck and clang-tidy clean on lib/"
    ;;
  *) echo "unknown gate: $gate" >&2; exit 2 ;;
  esac
done
printf '\nall gates passed: %s\n' "$gates"
