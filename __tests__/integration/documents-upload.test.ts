jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);

import sharp from "sharp";
import { db } from "@/lib/platform/db";
import { storeDocument } from "@/lib/documents/service";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";

/** Images are decoded whole at upload: a truncated file or a gigantic one never reaches the staff's screen. */
const prisma = testPrisma();
let ownerId = "";

beforeAll(async () => {
  ownerId = (await createParent({ loginPrefix: "images", usageName: "IMAGE", firstNames: "Iris", account: { civility: "MADAME" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function noisyPng(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index += 1) pixels[index] = (index * 7919) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

const file = (bytes: Buffer, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

test("a whole image passes", async () => {
  await expect(storeDocument(ownerId, file(await noisyPng(200, 200), "scan.png", "image/png"), "AUTRE")).resolves.toMatchObject({
    ok: true,
  });
});

test("a truncated PNG or JPEG is refused", async () => {
  const png = await noisyPng(400, 400);
  await expect(
    storeDocument(ownerId, file(png.subarray(0, Math.floor(png.length / 2)), "coupe.png", "image/png"), "AUTRE"),
  ).resolves.toEqual({
    ok: false,
    message: "Cette image est illisible ou endommagée : choisissez un autre fichier.",
  });
  const jpeg = await sharp(await noisyPng(400, 400))
    .jpeg()
    .toBuffer();
  await expect(
    storeDocument(ownerId, file(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "coupe.jpg", "image/jpeg"), "AUTRE"),
  ).resolves.toMatchObject({ ok: false });
});

test("an image of 100 megapixels in a small file is refused", async () => {
  const huge = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#ffffff" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  expect(huge.length).toBeLessThan(10 * 1024 * 1024);
  await expect(storeDocument(ownerId, file(huge, "bombe.png", "image/png"), "AUTRE")).resolves.toMatchObject({ ok: false });
});
