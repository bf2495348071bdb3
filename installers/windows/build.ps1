# Builds the Windows installer of VenueGate (.msi) with the JDK's jlink and jpackage. NOT BUILT OR RUN on the project's
# Debian machine (jpackage makes an .msi only on Windows); written from the JDK 17 jpackage documentation.
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Jar target\venuegate.jar] [-JavaFx DIR]
# (-JavaFx: JavaFX's modular jars, default the javafx folder beside the jar, which "mvn package" fills)
# Needs JDK 17+ (jlink, jpackage on PATH) and the WiX Toolset 3.x (candle.exe, light.exe on PATH). Without -Jar it
# runs "mvn package" first. Output: target\installer\VenueGate-<version>.msi
param([string]$Jar = "", [string]$JavaFx = "")
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..\..')
Set-Location $root
$here = 'installers\windows'
$out = 'target\installer'

if (-not $Jar) { mvn -q package -DskipTests; if ($LASTEXITCODE -ne 0) { exit 1 }; $Jar = 'target\venuegate.jar' }
if (-not $JavaFx) { $JavaFx = Join-Path (Split-Path $Jar -Parent) 'javafx' }
$version = (& java -cp $Jar org.venuegate.app.Launcher --version) -replace '^VenueGate ', ''
if (-not $version -or $version -eq 'dev') { throw "$Jar carries no version" }
$appVersion = ($version -split '-')[0]   # 0.1.0-SNAPSHOT is packaged as 0.1.0

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force -Path "$out\input" | Out-Null
Copy-Item $Jar "$out\input\venuegate.jar"
# app\kiosk-supervisor.ps1: started at login by the Startup-folder entry "VenueGate kiosk --autostart on" writes
Copy-Item "$here\kiosk-supervisor.ps1" "$out\input\"

# JavaFX linked in as named modules, its supported configuration (see installers/linux/build.sh); its DLLs stay in the
# modules, from which JavaFX copies them to the user's .openjfx\cache on first use.
& jlink --output "$out\runtime" --module-path $JavaFx --strip-debug --no-header-files --no-man-pages --generate-cds-archive `
  --add-modules 'java.base,java.desktop,java.sql,java.naming,java.management,java.logging,java.xml,java.net.http,java.scripting,java.instrument,java.security.jgss,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata,jdk.jfr,javafx.controls,javafx.fxml,javafx.swing' `
  --include-locales=en,zh
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

# Main launcher VenueGate.exe: the command line (console), e.g. "VenueGate.exe hub --data D:\hub-data".
# Add-launchers "VenueGate Kiosk.exe" and "VenueGate Review.exe" get Start-menu entries (group VenueGate) and desktop
# shortcuts. The upgrade code stays the same forever so a new .msi replaces the old one.
$common = @('--name', 'VenueGate', '--app-version', $appVersion, '--vendor', 'VenueGate',
  '--description', 'Venue side of the city health-code system: kiosk, review workstation, hub',
  '--input', "$out\input", '--main-jar', 'venuegate.jar', '--main-class', 'org.venuegate.app.Launcher',
  '--runtime-image', "$out\runtime", '--icon', 'installers\icons\windows\venuegate.ico',
  '--java-options', '-Dvenuegate.installed=true', '--java-options', '-Xlog:disable', '--java-options', '-Xlog:all=warning:stderr',
  '--java-options', '-Xmx512m', '--win-console',
  '--add-launcher', "VenueGate Kiosk=$here\kiosk.properties", '--add-launcher', "VenueGate Review=$here\review.properties")

& jpackage --type app-image --dest $out @common
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }
$got = & "$out\VenueGate\VenueGate.exe" --version
if ($got -ne "VenueGate $version") { throw "app-image check failed: VenueGate.exe --version printed '$got'" }
Write-Host "app-image check: VenueGate.exe --version -> $got"

& jpackage --type msi --dest $out @common --win-menu --win-menu-group 'VenueGate' --win-shortcut `
  --win-dir-chooser --win-upgrade-uuid '7b0f3c2e-4d1a-4e8b-9a53-2f6c1d8e5a17'
if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
Get-ChildItem "$out\*.msi"
