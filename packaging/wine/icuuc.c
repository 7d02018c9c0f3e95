/* icuuc.dll for the Wine smoke test only -- never shipped in the installer.
 *
 * Qt6Core (PySide6 >= 6.10) links against the ICU that Windows 10 ships since 1703, for
 * text codecs other than UTF-8/16/32 and Latin-1; Wine 8 has no icuuc.dll.  These 20
 * stand-ins say "unsupported" (U_UNSUPPORTED_ERROR), so Qt treats every ICU codec as
 * missing; VillageBook only reads and writes UTF-8.  Built with mingw-w64 into the test's
 * own Wine prefix.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
typedef int32_t UChar32;
typedef int8_t UBool;
typedef void UConverter;
typedef void (*Callback)(void);
#define U_UNSUPPORTED_ERROR 16
#define EXPORT __declspec(dllexport)

static void unsupported(UErrorCode *err)
{
    if (err != NULL && *err <= 0)
        *err = U_UNSUPPORTED_ERROR;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err)
{ (void)name; unsupported(err); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err)
{ (void)cnv; unsupported(err); return NULL; }
EXPORT void ucnv_getToUCallBack(const UConverter *cnv, Callback *action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, Callback *action, const void **context)
{ (void)cnv; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(UConverter *cnv, Callback action, const void *context,
                                Callback *old_action, const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; unsupported(err); }
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, Callback action, const void *context,
                                  Callback *old_action, const void **old_context, UErrorCode *err)
{ (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context; unsupported(err); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, UChar32 point, int reason,
                                            UErrorCode *err)
{ (void)context; (void)args; (void)units; (void)length; (void)point; (void)reason; unsupported(err); }
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *err)
{ (void)context; (void)args; (void)units; (void)length; (void)reason; unsupported(err); }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length,
                                  int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)length; (void)offset; unsupported(err); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit,
                                    int32_t offset, UErrorCode *err)
{ (void)args; (void)source; (void)limit; (void)offset; unsupported(err); }
EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit,
                           const char **source, const char *source_limit, int32_t *offsets,
                           UBool flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; unsupported(err); }
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             UBool flush, UErrorCode *err)
{ (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
  (void)flush; unsupported(err); }
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err)
{ (void)cnv; unsupported(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err)
{ (void)cnv; unsupported(err); return 0; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{ (void)name; (void)standard; unsupported(err); return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
