/* bcryptprimitives.dll for the Wine smoke test only -- never shipped in the installer.
 *
 * Rust's standard library (>= 1.78) gets random bytes from ProcessPrng, which every
 * Windows 10 has and Wine 8 lacks; pydantic-core and rpds-py import it at load time.
 * This stand-in fills the buffer from RtlGenRandom (advapi32!SystemFunction036), which
 * Wine implements.  Built with mingw-w64 into the test's own Wine prefix.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE; /* Windows documents ProcessPrng as always returning TRUE */
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
