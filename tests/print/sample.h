/* sample: the slips the print tests and the benchmark use — a Finnish
 * service slip with a contact person, and an Arabic one (right to left).
 * Fixed strings, so that the golden files do not follow content changes. */
#ifndef AULA_TESTS_PRINT_SAMPLE_H
#define AULA_TESTS_PRINT_SAMPLE_H

#include "print/slip.h"

#define SAMPLE_QR "tel:+358400004102"

static inline struct slip sample_slip_fi(void)
{
    return (struct slip){
        .place = "Perhekeskus Aurinkolahti",
        .title = "Äitiysneuvola",
        .subtitle = "Itärannan hyvinvointialue",
        .person = "Hanna Kivelä",
        .person_title = "Terveydenhoitaja, äitiysneuvola",
        .phone_label = "Puhelin",
        .phone = "040 000 4102",
        .email_label = "Sähköposti",
        .email = "hanna.kivela@example.org",
        .address_label = "Osoite",
        .address = "Aurinkolahdentie 12, 07170 Lahdenniemi",
        .hours_label = "Aukioloajat",
        .hours = {"ma–ke 8.00–15.30", "to 8.00–18.00", "pe 8.00–14.30"},
        .nhours = 3,
        .qr_payload = SAMPLE_QR,
        .qr_caption = "Soita: skannaa puhelimella",
        .date = "Tulostettu 23.11.2026",
    };
}

static inline struct slip sample_slip_ar(void)
{
    return (struct slip){
        .place = "مركز الأسرة أورينكولاهتي",
        .title = "عيادة الأمومة",
        .subtitle = "منطقة خدمات الرفاه إيتارانتا",
        .person = "Hanna Kivelä",
        .person_title = "ممرضة صحة عامة",
        .phone_label = "الهاتف",
        .phone = "040 000 4102",
        .email_label = "البريد الإلكتروني",
        .email = "hanna.kivela@example.org",
        .address_label = "العنوان",
        .address = "Aurinkolahdentie 12, 07170 Lahdenniemi",
        .hours_label = "ساعات العمل",
        .hours = {"الاثنين–الأربعاء 8:00–15:30", "الخميس 8:00–18:00"},
        .nhours = 2,
        .qr_payload = SAMPLE_QR,
        .qr_caption = "للاتصال: امسح الرمز بهاتفك",
        .date = "طُبعت في 23.11.2026",
        .rtl = true,
    };
}

#endif
