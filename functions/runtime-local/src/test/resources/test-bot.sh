#!/bin/sh
# A small real bot for the local runtime's tests: reads the contract, then ticks until it is stopped.
echo "test-bot $KNAG_BOT_ID broker=$KNAG_BROKER params=$KNAG_PARAMS"
if [ -r "$KNAG_CREDENTIALS_FILE" ]; then echo "credentials readable"; fi
echo "env: $(env | cut -d= -f1 | sort | tr '\n' ' ')"
case "$KNAG_PARAMS" in
  *crash*) echo "crashing"; exit 3 ;;
  *finish*) echo "finished"; exit 0 ;;
esac
trap 'echo "got TERM"; exit 0' TERM
while true; do echo tick; sleep 0.1; done
