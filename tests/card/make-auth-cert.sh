#!/usr/bin/env bash
# Makes a user-authentication certificate (DER) for the emulator, with the notAfter chosen by the
# test: make-auth-cert.sh OUT.der YYYYMMDDHHMMSSZ [SUBJECT_CN]. `openssl req -days` cannot name
# an exact end, `openssl ca -enddate` can; the CA here is throwaway, in a temporary folder.
set -euo pipefail
out=${1:?usage: make-auth-cert.sh OUT.der YYYYMMDDHHMMSSZ [CN]}
not_after=${2:?usage: make-auth-cert.sh OUT.der YYYYMMDDHHMMSSZ [CN]}
cn=${3:-MADOGUCHI TEST USER}
case $out in /*) ;; *) out=$PWD/$out ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir certs
: > index.txt
echo 1000 > serial
cat > ca.cnf <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
dir = .
database = index.txt
serial = serial
new_certs_dir = certs
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
x509_extensions = user_auth
[ any ]
countryName = optional
organizationName = optional
commonName = supplied
[ user_auth ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
C = JP
O = Madoguchi Test
CN = $cn
CNF
openssl req -new -newkey rsa:2048 -nodes -keyout key.pem -config ca.cnf -out req.pem 2>/dev/null
openssl ca -batch -selfsign -config ca.cnf -keyfile key.pem -in req.pem \
  -startdate 20240101000000Z -enddate "$not_after" -out cert.pem 2>/dev/null
openssl x509 -in cert.pem -outform DER -out "$out"
