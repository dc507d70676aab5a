"""Reads gcov's JSON documents (one a line, gcov --json-format --stdout) and
prints, per use-case file named on the command line, the functions and lines
the unit tests executed. Exit 1 if a file not in the exceptions file (first
argument: "file  reason" lines, # comments) has no function executed."""
import json
import sys


def main():
    exceptions = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                name, _, why = line.partition(" ")
                exceptions[name] = why.strip()
    wanted = sys.argv[2:]
    seen = {}
    for doc in sys.stdin:
        doc = doc.strip()
        if not doc.startswith("{"):
            continue
        for f in json.loads(doc)["files"]:
            if f["file"] not in wanted:
                continue  # a header's inline functions
            funcs = f["functions"]
            lines = f["lines"]
            seen[f["file"]] = (
                sum(1 for x in funcs if x["execution_count"] > 0), len(funcs),
                sum(1 for x in lines if x["count"] > 0), len(lines))
    bad = []
    tf = tl = hf = hl = 0
    print("%-32s %9s %6s %11s %6s" % ("src/app", "functions", "", "lines", ""))
    for name in wanted:
        fe, fn, le, ln = seen.get(name, (0, 0, 0, 0))
        hf, tf, hl, tl = hf + fe, tf + fn, hl + le, tl + ln
        mark = ""
        if fe == 0 and fn > 0:
            if name in exceptions:
                mark = "  (exception: %s)" % exceptions[name]
            else:
                mark = "  NOT REACHED"
                bad.append(name)
        print("%-32s %4d/%-4d %5.1f%% %5d/%-5d %5.1f%%%s" % (
            name, fe, fn, 100.0 * fe / max(fn, 1), le, ln,
            100.0 * le / max(ln, 1), mark))
    print("%-32s %4d/%-4d %5.1f%% %5d/%-5d %5.1f%%" % (
        "total", hf, tf, 100.0 * hf / max(tf, 1), hl, tl,
        100.0 * hl / max(tl, 1)))
    for name in exceptions:
        if name not in wanted:
            print("coverage-app: exception for a file that does not exist: "
                  + name)
            bad.append(name)
    if bad:
        print("coverage-app: no function of %d file(s) executed by the unit "
              "tests: %s" % (len(bad), " ".join(bad)))
        return 1
    print("coverage-app: every use-case file reached (%d exception(s))"
          % len(exceptions))
    return 0


sys.exit(main())
