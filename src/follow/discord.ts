/**
 * Announcements in Discord: the message (the result renderer's embed of the new passages, under a heading that
 * says what is followed, no buttons, no mention) and the target that posts it through the client's REST, for
 * the guilds this client (this shard) holds.
 */
import { Routes, type Client } from 'discord.js';
import { escapeText, renderDiscord, truncate, LIMITS, type DiscordMessage } from '../discord/render.ts';
import type { AnnounceTarget } from './announce.ts';
import { announcementHeading, type Announcement } from './news.ts';

export function announcementMessage(a: Announcement, locale?: string): DiscordMessage {
  const rendered = renderDiscord(a.page, { locale, owner: '', ephemeral: false });
  const [embed] = rendered.embeds;
  const { footer: _footer, ...rest } = embed!;
  // No footer (there is one page) and no buttons: the message is a post, not an answer to page through.
  const title = truncate(escapeText(announcementHeading(a.page.query, locale)), LIMITS.title);
  return { embeds: [{ ...rest, title }], components: [], allowedMentions: { parse: [] } };
}

export function discordTarget(client: Client): AnnounceTarget {
  return {
    holds: (guild) => client.guilds.cache.has(guild),
    async post(a) {
      const message = announcementMessage(a, client.guilds.cache.get(a.guild)?.preferredLocale);
      await client.rest.post(Routes.channelMessages(a.channel), {
        body: { embeds: message.embeds, components: [], allowed_mentions: { parse: [] } },
      });
    },
  };
}
