/* parts: the inner parts of title words, for finding compounds by a part.
 * Finnish and Swedish write compounds as one word ("lastenneuvola",
 * "barnrådgivningen"); a visitor typing "neuv" expects the clinic. The
 * search index keeps, beside each title, the suffixes of its long words
 * ("stenneuvola ... neuvola euvola uvola") so that a prefix search on them
 * finds a part anywhere inside a word. */
#ifndef AULA_PACK_PARTS_H
#define AULA_PACK_PARTS_H

#include "base/strbuf.h"

#define PARTS_MIN_HEAD 3  /* letters a part starts after */
#define PARTS_MIN_TAIL 4  /* letters a part has at least */
#define PARTS_MAX_WORD 24 /* parts of one word at most */

/* Appends the parts of title's words to out, separated by spaces. Words
 * shorter than PARTS_MIN_HEAD + PARTS_MIN_TAIL letters give none. */
void parts_of_title(const char *title, struct strbuf *out);

#endif
