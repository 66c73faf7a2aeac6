/* status: print outcomes, their keys and their texts; see status.h. */
#include "print/status.h"

#include <string.h>

struct row {
    const char *key, *fi, *sv, *en, *ar;
};

static const struct row rows[PRINT_STATUS_COUNT] = {
    [PRINT_OK] = {"print.ok", "Lappu tulostuu. Muista ottaa se mukaan!",
                  "Lappen skrivs ut. Kom ihåg att ta den med dig!",
                  "Your slip is printing. Remember to take it with you!",
                  "تتم طباعة الورقة. لا تنسَ أخذها معك!"},
    [PRINT_QUEUED] = {"print.queued", "Tulostetaan…", "Skriver ut…", "Printing…", "جارٍ الطباعة…"},
    [PRINT_BUSY] = {"print.busy", "Edellinen lappu tulostuu vielä. Odota hetki.",
                    "Den förra lappen skrivs fortfarande ut. Vänta en stund.",
                    "The previous slip is still printing. Please wait a moment.",
                    "ما زالت الورقة السابقة قيد الطباعة. انتظر قليلاً."},
    [PRINT_DISABLED] = {"print.disabled", "Tässä laitteessa ei ole tulostinta.",
                        "Den här enheten har ingen skrivare.", "This screen has no printer.",
                        "لا توجد طابعة في هذا الجهاز."},
    [PRINT_CAP_REACHED] = {"print.cap",
                           "Tämän päivän laput on tulostettu. Skannaa QR-koodi puhelimellasi.",
                           "Dagens lappar är slut. Skanna QR-koden med telefonen.",
                           "Today's slips have run out. Scan the QR code with your phone instead.",
                           "نفدت أوراق اليوم. امسح رمز QR بهاتفك بدلاً من ذلك."},
    [PRINT_MISSING] = {"print.missing", "Tulostinta ei löydy. Kerro henkilökunnalle.",
                       "Skrivaren hittas inte. Säg till personalen.",
                       "The printer cannot be found. Please tell a member of staff.",
                       "لا يمكن العثور على الطابعة. يرجى إبلاغ أحد الموظفين."},
    [PRINT_OFFLINE] = {"print.offline", "Tulostin ei vastaa. Kerro henkilökunnalle.",
                       "Skrivaren svarar inte. Säg till personalen.",
                       "The printer is not answering. Please tell a member of staff.",
                       "الطابعة لا تستجيب. يرجى إبلاغ أحد الموظفين."},
    [PRINT_NO_PAPER] = {"print.no_paper", "Tulostimesta on paperi loppu. Kerro henkilökunnalle.",
                        "Skrivaren har slut på papper. Säg till personalen.",
                        "The printer is out of paper. Please tell a member of staff.",
                        "نفد الورق من الطابعة. يرجى إبلاغ أحد الموظفين."},
    [PRINT_REFUSED] = {"print.refused", "Tulostin ei ota nyt töitä vastaan. Kerro henkilökunnalle.",
                       "Skrivaren tar inte emot utskrifter just nu. Säg till personalen.",
                       "The printer is not taking jobs right now. Please tell a member of staff.",
                       "الطابعة لا تقبل الطباعة حالياً. يرجى إبلاغ أحد الموظفين."},
    [PRINT_TIMEOUT] = {"print.timeout", "Tulostus kesti liian kauan. Kerro henkilökunnalle.",
                       "Utskriften tog för lång tid. Säg till personalen.",
                       "Printing took too long. Please tell a member of staff.",
                       "استغرقت الطباعة وقتاً طويلاً. يرجى إبلاغ أحد الموظفين."},
    [PRINT_FAILED] = {"print.failed", "Lappua ei voitu tulostaa. Kerro henkilökunnalle.",
                      "Lappen kunde inte skrivas ut. Säg till personalen.",
                      "The slip could not be printed. Please tell a member of staff.",
                      "تعذّرت طباعة الورقة. يرجى إبلاغ أحد الموظفين."},
};

const char *status_key(enum print_status st)
{
    return (unsigned)st < PRINT_STATUS_COUNT ? rows[st].key : "print.failed";
}

const char *status_text(enum print_status st, const char *lang)
{
    const struct row *r = &rows[(unsigned)st < PRINT_STATUS_COUNT ? st : PRINT_FAILED];
    if (lang && strcmp(lang, "fi") == 0)
        return r->fi;
    if (lang && strcmp(lang, "sv") == 0)
        return r->sv;
    if (lang && strcmp(lang, "ar") == 0)
        return r->ar;
    return r->en;
}

bool status_is_error(enum print_status st)
{
    return st != PRINT_OK && st != PRINT_QUEUED;
}
