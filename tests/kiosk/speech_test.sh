#!/bin/sh
# Speech output, headless on the demo content: with speech on, what is said
# (--speech-log, one line per utterance: LANG<TAB>TEXT) as screens change
# and the keyboard focus moves; with speech off, nothing; F2 switches it;
# language buttons speak in their own language; a bad voice list in the
# configuration stops aula with the file and the key.
#   speech_test.sh AULA DEMO_SNAPSHOT OUTDIR
set -eu
aula=$1 snap=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
tab=$(printf '\t')

run() { # name lang script [options]
    name=$1 lang=$2 script=$3
    shift 3
    "$aula" --headless --snapshot "$snap" --size 1280x800 --now 2026-11-24T10:15 --idle 0 \
        --lang "$lang" --screenshot "$out/$name" --script "$script" \
        --speech-log "$out/$name.log" "$@"
}

fail() {
    echo "FAIL: $*"
    exit 1
}

expect() { # name: the log must equal the lines on stdin
    cat >"$out/$1.want"
    diff -u "$out/$1.want" "$out/$1.log" || fail "$1: other utterances than expected"
}

# On from the start: the home screen's title, then each item focus reaches
# (the first key shows the focus ring on the first item), into a category
# and back.
run on fi "key:Tab; key:Tab; key:Tab; key:Shift+Tab; key:Tab; key:Return; key:Escape" --speech
expect on <<END
fi${tab}Perhekeskus Aurinkolahti
fi${tab}Anna palautetta
fi${tab}Tietoa tästä näytöstä
fi${tab}Raskaus ja vauva
fi${tab}Tietoa tästä näytöstä
fi${tab}Raskaus ja vauva
fi${tab}Raskaus ja vauva. Takaisin
fi${tab}Perhekeskus Aurinkolahti. Anna palautetta
END

# Off (the default): the same moves say nothing.
run off fi "key:Tab; key:Tab; key:Tab; key:Shift+Tab; key:Return; key:Escape"
[ -f "$out/off.log" ] || fail "off: no log file"
[ ! -s "$out/off.log" ] || { cat "$out/off.log"; fail "off: speech was off but something was said"; }

# F2 switches it on (with a hint and what is on screen) and off again.
run toggle fi "key:Tab; key:F2; key:Tab; key:F2; key:Tab; key:Tab"
expect toggle <<END
fi${tab}Puhe on päällä. Liiku nuolinäppäimillä tai sarkaimella, valitse Enterillä. Perhekeskus Aurinkolahti. Anna palautetta
fi${tab}Tietoa tästä näytöstä
fi${tab}Puhe on pois päältä.
END

# The countdown before the idle reset is read out once; the reset forgets
# that this visitor switched speech on.
run idle fi "key:F2; wait:5.5; wait:2; wait:30; key:Tab; key:Tab" --idle 15
expect idle <<END
fi${tab}Puhe on päällä. Liiku nuolinäppäimillä tai sarkaimella, valitse Enterillä. Perhekeskus Aurinkolahti. Anna palautetta
fi${tab}Palataan alkuun 10 sekunnin kuluttua. Kosketa jatkaaksesi.
END

# The visitor's language chooses the voice; a new language is announced
# in it; language buttons are said in their own language.
run lang en "key:Tab; tap:lang:sv; key:Tab" --speech
expect lang <<END
en${tab}Aurinkolahti Family Centre
en${tab}Give feedback
sv${tab}Familjecentret Solviken
en${tab}English
END
run buttons fi "key:Tab; key:Shift+Tab; key:Shift+Tab; key:Shift+Tab; key:Shift+Tab" --speech
expect buttons <<END
fi${tab}Perhekeskus Aurinkolahti
fi${tab}Anna palautetta
uk${tab}Українська
ru${tab}Русский
so${tab}Soomaali
ar${tab}العربية
END

run ar ar "key:Tab; key:Tab" --speech
[ "$(wc -l <"$out/ar.log")" -eq 3 ] || fail "ar: expected 3 utterances: $(cat "$out/ar.log")"
! grep -qv "^ar${tab}." "$out/ar.log" || fail "ar: an utterance not in Arabic: $(cat "$out/ar.log")"

# Configuration: [speech] enabled = yes works like --speech; a bad voice
# list is refused with the file and the key.
printf '[speech]\nenabled = yes\nvoices = "so=sw"\nrate = 140\n' >"$out/on.conf"
run conf fi "key:Tab" --config "$out/on.conf"
[ "$(wc -l <"$out/conf.log")" -eq 2 ] || fail "conf: enabled = yes did not switch speech on"
"$aula" --config "$out/on.conf" --check-config | grep -q "^speech: on (rate 140, voices so=sw)" ||
    fail "conf: --check-config does not show the speech settings"
printf '[speech]\nvoices = "so"\n' >"$out/bad.conf"
if "$aula" --config "$out/bad.conf" --check-config 2>"$out/bad.err"; then
    fail "bad.conf: accepted"
fi
grep -q "bad.conf: \[speech\] voices: \"so\"" "$out/bad.err" || { cat "$out/bad.err"; fail "bad.conf: unclear message"; }
echo "speech: ok"
