#include "throttle.h"

int64_t
throttle_login_wait(int64_t failures)
{
	if (failures < THROTTLE_LOGIN_FREE)
		return 0;
	int64_t wait = THROTTLE_LOGIN_FIRST;
	for (int64_t i = THROTTLE_LOGIN_FREE; i < failures; i++)
		if ((wait *= 2) >= THROTTLE_LOGIN_MAX)
			return THROTTLE_LOGIN_MAX;
	return wait;
}

unsigned
throttle_client_delay_ms(int64_t failures)
{
	if (failures <= THROTTLE_CLIENT_FREE)
		return 0;
	int64_t ms = (failures - THROTTLE_CLIENT_FREE) *
		     THROTTLE_CLIENT_STEP_MS;
	return ms >= THROTTLE_CLIENT_MAX_MS ? THROTTLE_CLIENT_MAX_MS
					    : (unsigned)ms;
}
