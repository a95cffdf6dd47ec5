"""Annotator aid: ids of a rank file not yet labelled or skipped."""
import sys
import labels
lines = open(sys.argv[1]).read().splitlines()
done = set(labels.L) | set(labels.SKIPPED)
out = [l.split(" | ")[0].split(" ", 2)[2] for l in lines]
out = [i for i in out if i not in done]
start, n = int(sys.argv[2]), int(sys.argv[3])
print("\n".join(out[start:start + n]))
