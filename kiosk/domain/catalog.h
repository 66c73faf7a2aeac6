/* catalog: view models of what the content offers — the home screen's site
 * texts and category tiles, services by category, organisations, and the
 * detail of a service or an organisation with its places, hours, languages
 * and contact persons. Every text goes through the fallback chain. */
#ifndef AULA_DOMAIN_CATALOG_H
#define AULA_DOMAIN_CATALOG_H

#include "domain/calendar.h"
#include "domain/content.h"
#include "domain/hours.h"
#include "domain/i18n.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct catalog_category {
    char *id;
    char *icon; /* icon name, "" if none */
    struct i18n_text name;
    int nservices;
};

struct catalog_site {
    struct i18n_text name, tagline;
    char *phone, *email, *website;
    struct catalog_category *cats;
    size_t ncats;
};

struct catalog_item { /* a row of a list: a service or an organisation */
    char *id;
    struct i18n_text name;
    struct i18n_text sub;     /* services: the organisation; organisations: the kind */
    struct i18n_text summary; /* description */
    char *kind;               /* organisations: public, ngo, parish, ... */
    int count;                /* organisations: number of services */
};

struct catalog_list {
    struct i18n_text title; /* category name for a service list */
    struct catalog_item *v;
    size_t n, cap;
};

struct catalog_contact {
    char *id;
    char *name;
    struct i18n_text title, responsibilities, org_name;
    char *phone, *email;
    char **langs; /* native names of the languages spoken */
    size_t nlangs;
};

enum tri { TRI_UNKNOWN = -1, TRI_NO = 0, TRI_YES = 1 };

struct catalog_location {
    char *id;
    struct i18n_text name, directions, accessibility;
    char *street, *postal_code, *city;
    enum tri step_free, accessible_toilet, induction_loop, stroller_parking, changing_table;
};

struct catalog_service {
    char *id;
    bool sensitive; /* a family may not want to be seen on it: quick exit */
    struct i18n_text name, description;
    char *org_id;
    struct i18n_text org_name;
    char *phone, *email, *website;
    struct i18n_text *ages; /* age-group names */
    size_t nages;
    struct i18n_text *cats; /* category names */
    size_t ncats;
    char **langs; /* native names of languages the service is offered in */
    size_t nlangs;
    struct catalog_location *locs;
    size_t nlocs;
    struct hours hours; /* the service's own, else its first location's */
    struct catalog_contact *contacts;
    size_t ncontacts;
    struct cal_item upcoming[4];
    size_t nupcoming;
};

struct catalog_org {
    char *id;
    bool sensitive; /* provides a sensitive service: quick exit */
    char *kind;
    struct i18n_text name, description;
    char *phone, *email, *website;
    struct catalog_list services;
    struct catalog_contact *contacts;
    size_t ncontacts;
};

bool catalog_site_load(struct content *c, const char *lang, struct catalog_site *s);
void catalog_site_free(struct catalog_site *s);

/* Services of a category (category_id NULL: all services), by name. */
bool catalog_services_load(struct content *c, const char *lang, const char *category_id,
                           struct catalog_list *l);
/* Organisations by name. */
bool catalog_orgs_load(struct content *c, const char *lang, struct catalog_list *l);
void catalog_list_free(struct catalog_list *l);

/* Returns false if there is no such service. now is for upcoming activities. */
bool catalog_service_load(struct content *c, const char *lang, const char *id, int64_t now,
                          struct catalog_service *s);
void catalog_service_free(struct catalog_service *s);
bool catalog_org_load(struct content *c, const char *lang, const char *id, struct catalog_org *o);
void catalog_org_free(struct catalog_org *o);

#endif
