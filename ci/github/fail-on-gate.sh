#!/usr/bin/env bash
# The action's last step: reached only when the gate failed (the unmet rules are annotated above).
echo "::error title=Openness gate::the release does not meet the openness gate; the job summary names each unmet rule"
exit 1
