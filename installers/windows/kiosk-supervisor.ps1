# The installed kiosk's supervisor on Windows (app\kiosk-supervisor.ps1). "VenueGate.exe kiosk --autostart on" puts
# "VenueGate Kiosk.cmd" in the user's Startup folder, which runs this script hidden at login. It restarts the kiosk
# after a crash (a non-zero exit) with a growing wait (2, 4, 8 ... 60 s; back to 2 s once the kiosk has run 5 minutes)
# and stops after a clean exit (the administrator closed the kiosk with the PIN). The app itself never loops.
# NOT RUN on the project's Debian machine; the same logic in installers/linux/venuegate-kiosk-supervisor is tested there.
#   VENUEGATE_KIOSK_CMD  the kiosk program (default: "VenueGate Kiosk.exe" beside the app folder)
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$kiosk = if ($env:VENUEGATE_KIOSK_CMD) { $env:VENUEGATE_KIOSK_CMD } else { Join-Path $root 'VenueGate Kiosk.exe' }
$logDir = Join-Path $env:LOCALAPPDATA 'VenueGate\Logs'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir 'supervisor.log'
function Note([string]$message) {
  Add-Content -Path $log -Value ('{0:yyyy-MM-dd HH:mm:ss} {1}' -f (Get-Date), $message)
}

$delay = 2
while ($true) {
  $started = Get-Date
  Note "starting $kiosk"
  try {
    $p = Start-Process -FilePath $kiosk -PassThru -Wait
    $code = $p.ExitCode
  } catch {
    $code = -1
    Note "cannot start the kiosk: $_"
  }
  if ($code -eq 0) {
    Note 'kiosk exited cleanly; not restarting'
    exit 0
  }
  $ran = [int]((Get-Date) - $started).TotalSeconds
  if ($ran -ge 300) { $delay = 2 }
  Note "kiosk exited with status $code after $ran s; restarting in $delay s"
  Start-Sleep -Seconds $delay
  $delay = [Math]::Min($delay * 2, 60)
}
